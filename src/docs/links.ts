/** Where the docs live online: SARIF help URIs and the HTML report link rule ids to their pages. */
export const REPOSITORY_URL = 'https://github.com/sf-arch-review/sf-arch-review';

/** A docs path of the repository (`docs/rules/recursion/self-update.md`) as a URL on the main branch. */
export function docsUrl(path: string): string {
  return `${REPOSITORY_URL}/blob/main/${path.split('/').map(encodeURIComponent).join('/')}`;
}
