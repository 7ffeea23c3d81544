export const load = () => import('./ring-3.js');
