/** The customs reference data (lists and catalog), fetched once per page load and shared by every view. */
import { useEffect, useState } from 'react';
import { customsApi, type CatalogReference, type ListsReference } from './api';

let lists: Promise<ListsReference> | undefined;
let catalog: Promise<CatalogReference> | undefined;

function useOnce<T>(get: () => Promise<T>, forget: () => void): { data: T | undefined; error: unknown } {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: null });
  useEffect(() => {
    let live = true;
    get().then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => {
        forget();
        if (live) setState({ data: undefined, error });
      },
    );
    return () => {
      live = false;
    };
  }, [get, forget]);
  return state;
}

const getLists = () => (lists ??= customsApi.lists());
const forgetLists = () => (lists = undefined);
const getCatalog = () => (catalog ??= customsApi.catalog());
const forgetCatalog = () => (catalog = undefined);

export function useLists() {
  return useOnce(getLists, forgetLists);
}

export function useCatalog() {
  return useOnce(getCatalog, forgetCatalog);
}
