// What a browser sees at /graphql in development: Apollo Sandbox, loaded from Apollo's CDN. Offline (or
// behind a proxy that blocks the CDN) it cannot load, and Apollo's fallback text says only that; ours
// adds a link to /graphiql, which has every script inlined and works without internet.
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";

const FALLBACK = /<div class="fallback">([\s\S]*?)<\/div>/;
const NONCE = /<style nonce="?([0-9a-f]+)"?>/;
export const GRAPHIQL_HINT =
  '<p>Offline? <a href="/graphiql">GraphiQL at /graphiql</a> works without internet.</p>';

export function withGraphiqlLink(html: string): string {
  // The Sandbox's container covers the whole page even when its script never came: let clicks through
  // to the fallback while it is empty (the page's CSP admits only styles carrying its nonce).
  const nonce = NONCE.exec(html)?.[1];
  const clickThrough = nonce
    ? `<style nonce="${nonce}">#embeddableSandbox:empty { pointer-events: none; }</style>`
    : "";
  return html.replace(
    FALLBACK,
    (_block, inner: string) => `<div class="fallback">${inner}  ${GRAPHIQL_HINT}${clickThrough}\n</div>`,
  );
}

export function landingPagePlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  const apollo = ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
  return {
    async serverWillStart(service) {
      const listener = await apollo.serverWillStart!(service);
      const render = listener!.renderLandingPage!;
      return {
        async renderLandingPage() {
          const page = await render();
          // Apollo renders the page per request (a fresh CSP nonce each time): wrap, don't cache.
          const html = page.html;
          return {
            html: async () => withGraphiqlLink(typeof html === "string" ? html : await html()),
          };
        },
      };
    },
  };
}
