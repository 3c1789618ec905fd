// The one platform API the machines use that the ES2022 library does not declare.
//
// src/machines is type-checked without DOM or Node types (tsconfig.machines.json). `crypto` with
// `randomUUID()` is a global in every JavaScript runtime Atelier targets (browsers in a secure
// context, which includes localhost; Node >= 19; web workers): declare only that method rather than
// pulling in the whole DOM library. tsconfig.json, which has the DOM and Node types, excludes this
// file (the declarations would clash).

declare const crypto: {
  /** A random RFC 4122 version 4 UUID, e.g. for idempotency keys. */
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
};
