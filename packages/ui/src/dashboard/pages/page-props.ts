/** What every page is given: the environment shown and the operator's role there. */
export interface PageProps {
  env: string;
  role: 'viewer' | 'operator' | 'admin';
}
