import type { StaffSession } from '../../machines/index.ts';
import type { StaffConnection } from '../api/staffClient.ts';

/** Props of a staff page with data: the signed-in session and its connection to the staff API. */
export interface StaffDataPageProps {
  readonly session: StaffSession;
  readonly connection: StaffConnection;
}
