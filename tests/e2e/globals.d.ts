import type { RapportApi } from '../../shared/contract';

// Code passed to page.evaluate runs in the renderer, where the preload put window.api.
declare global {
  interface Window {
    api: RapportApi;
  }
}
