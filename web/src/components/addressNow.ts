// The page address's query as it is now. React Router shows a new address in a transition, so a handler that
// builds the next address from the query its render saw undoes a change made just before, when two come before
// that render (two quick choices, a slow machine). Handlers that change one part of the query start from this;
// the browser's address is written at once (BrowserRouter pushes synchronously).
export function addressNow(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
