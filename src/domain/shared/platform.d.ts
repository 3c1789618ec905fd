// The few platform APIs the domain uses that the ES2022 library does not declare.
//
// src/domain is type-checked without DOM or Node types (tsconfig.domain.json), so that it cannot
// reach for `document`, `fetch`, `Buffer` or `process`. TextEncoder and TextDecoder are not part
// of ECMAScript, but they exist as globals in every JavaScript runtime Atelier targets (evergreen
// browsers, Node >= 20, web workers), with the same behaviour: declare only what the domain calls,
// rather than pulling in the whole DOM library.
//
// Only tsconfig.domain.json and tsconfig.machines.json read this file; tsconfig.json, which has the
// DOM and Node types, excludes it (the declarations would clash).

/** Encodes a string as UTF-8. */
interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

/** Decodes bytes in a named encoding (`utf-8`, `utf-16le`, ...); `fatal` throws on invalid input. */
interface TextDecoder {
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare const TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): TextDecoder;
};

/** A parsed URL (WHATWG URL Standard), as every target runtime has it: what the webhook checks read. */
interface URL {
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
}
declare const URL: {
  prototype: URL;
  new (url: string, base?: string): URL;
};
