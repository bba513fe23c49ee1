// The key lives in sessionStorage only: gone when the tab closes, never in a cookie or localStorage.
const KEY = 'collections.insights.key';

export const savedKey = () => sessionStorage.getItem(KEY);
export const saveKey = (key) => sessionStorage.setItem(KEY, key);
export const forgetKey = () => sessionStorage.removeItem(KEY);

export async function api(path, options = {}) {
  const response = await fetch(`/api/v1/insights/${path}`, {
    ...options,
    headers: { Authorization: `Bearer ${savedKey()}`, Accept: 'application/json' },
  });
  if (!response.ok) {
    let detail = `${response.status}`;
    try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
    throw new Error(response.status === 401 || response.status === 403 ? 'The key was refused: a staff or admin key is needed.' : detail);
  }
  return response.json();
}
