// @ts-check
// The domain's rooms (src/domain/<room>/) each have one door: their index.ts. This ESLint rule
// reports an import that reaches into another room's inner files, from inside the domain or from
// anywhere else in the project, so a room can reorganise its insides without breaking its
// neighbours. Inside a room, files import each other directly.
//
// Plain path resolution is enough: every import of ours is a relative path with its extension.
import path from 'node:path';

const DOMAIN = path.join('src', 'domain');

/**
 * The room a project-relative path lies in, or null outside the rooms.
 * @param {string} relativePath e.g. `src/domain/engine/tables/buildTable.ts`
 */
function roomOf(relativePath) {
  const parts = relativePath.split(path.sep);
  if (parts[0] !== 'src' || parts[1] !== 'domain' || parts.length < 4) return null;
  return parts[2] ?? null;
}

/** @type {import('eslint').Rule.RuleModule} */
const roomDoors = {
  meta: {
    type: 'problem',
    docs: { description: "Import a domain room through its index.ts, never its inner files, from outside the room." },
    schema: [],
    messages: {
      innerFile:
        "'{{source}}' is inside the domain's {{room}} room: import it from {{door}} (or src/domain/index.ts) instead. If the name is missing there, export it from the room's index.ts: that file is the room's only door.",
    },
  },
  create(context) {
    const cwd = context.cwd;
    const file = path.relative(cwd, context.filename);
    const myRoom = roomOf(file);
    /** @param {import('estree').Literal | null | undefined} source */
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.relative(cwd, path.resolve(path.dirname(context.filename), source.value));
      const room = roomOf(target);
      if (room === null || room === myRoom) return;
      if (target === path.join(DOMAIN, room, 'index.ts')) return;
      context.report({
        node: source,
        messageId: 'innerFile',
        data: { source: source.value, room, door: `src/domain/${room}/index.ts` },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source.type === 'Literal' ? node.source : null),
    };
  },
};

/** The project's own ESLint rules, as a plugin. */
export default { rules: { 'room-doors': roomDoors } };
