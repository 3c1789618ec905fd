import { useEffect } from 'react';
import type { ConfiguratorActor } from './ConfiguratorActorContext.ts';
import { downloadJson } from './downloadJson.ts';
import { orderFileName } from './orderFileName.ts';

/** Downloads every order the session exports as a JSON file. */
export function useOrderDownload(actor: ConfiguratorActor): void {
  useEffect(() => {
    const subscription = actor.on('order.exported', ({ order }) => {
      void orderFileName(order).then((fileName) => downloadJson(fileName, order));
    });
    return () => subscription.unsubscribe();
  }, [actor]);
}
