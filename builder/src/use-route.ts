import { useEffect, useState } from 'react';

/** The app's few screens live in the URL hash (`#/flows/<id>`), so reload and back keep them. */
export function useRoute(): string {
  const [route, setRoute] = useState(() => location.hash.slice(1) || '/flows');
  useEffect(() => {
    const update = () => setRoute(location.hash.slice(1) || '/flows');
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(route: string): void {
  location.hash = route;
}
