// The little of oidc-provider 9 that e2e/support/oidc-provider.ts uses (the package ships no
// types; @types/oidc-provider would be a second dependency for a test helper).
declare module "oidc-provider" {
  type Middleware = (ctx: { path: string; body: unknown }, next: () => Promise<void>) => Promise<void>;
  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  interface Configuration {
    clients: Record<string, unknown>[];
    jwks: { keys: unknown[] };
    cookies: { keys: string[] };
    claims: Record<string, string[]>;
    pkce: { required: () => boolean };
    findAccount(ctx: unknown, id: string): Promise<Account | undefined>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    use(middleware: Middleware): void;
    listen(port: number, host: string, callback: () => void): import("node:http").Server;
  }
}
