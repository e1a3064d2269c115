import type { BodyStream } from './body-stream.js';
import type { HeaderView } from './header-view.js';

interface ResponseParts {
  status: number;
  statusText: string;
  headers: HeaderView;
  url: string;
  redirected: boolean;
  body: BodyStream | null;
}

/**
 * A fetch `Response` for a node:http answer: the same properties and body methods, without the global `Response`
 * class (constructing one loads Node's undici bundle). The body is read once, as a fetch body is.
 */
export class NodeResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeaderView;
  readonly url: string;
  readonly redirected: boolean;
  readonly type = 'basic';
  readonly body: BodyStream | null;
  private used = false;

  constructor(parts: ResponseParts) {
    this.status = parts.status;
    this.statusText = parts.statusText;
    this.headers = parts.headers;
    this.url = parts.url;
    this.redirected = parts.redirected;
    this.body = parts.body;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get bodyUsed(): boolean {
    return this.used || (this.body?.locked ?? false);
  }

  get [Symbol.toStringTag](): string {
    return 'Response';
  }

  async bytes(): Promise<Uint8Array> {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.body ? this.body.bytes() : new Uint8Array(0);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** UTF-8, a leading BOM dropped, invalid bytes replaced: fetch's `text()`. */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
}
