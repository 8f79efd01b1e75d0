import type { LocationQueryValue } from 'vue-router'

// Where to go after signing in: a path of this app only (never another site).
export function safeNext(next: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const path = Array.isArray(next) ? next[0] : next
  return path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/login') ? path : '/'
}
