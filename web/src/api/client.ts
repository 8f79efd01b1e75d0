// Calls the v1 API with the session cookie; unsafe methods carry the session's CSRF token.
export interface FieldProblem {
  field: string
  problem: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message)
  }

  // Problems keyed by field name ("groups[2]" and "groups_file:3" both count for "groups").
  fieldProblems(): Record<string, string[]> {
    const out: Record<string, string[]> = {}
    for (const { field, problem } of this.details) {
      const key = field.replace(/[[:].*$/, '')
      ;(out[key] ??= []).push(field === key ? problem : `${field}: ${problem}`)
    }
    return out
  }
}

export interface Page<T> {
  data: T
  meta: { next_cursor?: string | null; total?: number; [key: string]: unknown }
}

type Query = Record<string, string | number | boolean | null | undefined>

let csrfToken: string | null = null
let onUnauthorized: () => void = () => {}

export function setCsrfToken(token: string | null) {
  csrfToken = token
}

// Called when a request that needed a session got 401: the session expired or ended.
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler
}

export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value))
  const search = params.toString()
  return `/api/v1${path}${search ? `?${search}` : ''}`
}

export async function request<T>(
  method: string,
  path: string,
  options: { query?: Query; json?: unknown; form?: FormData } = {},
): Promise<Page<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.form) {
    body = options.form
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  const response = await fetch(apiUrl(path, options.query), { method, headers, body, credentials: 'same-origin' })
  if (response.status === 204) return { data: null as T, meta: {} }
  const envelope = await response.json().catch(() => null)
  if (!response.ok) {
    const error = envelope?.error ?? {}
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized()
    throw new ApiError(response.status, error.code ?? 'internal', error.message ?? response.statusText, error.details)
  }
  return { data: envelope.data as T, meta: envelope.meta ?? {} }
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', path, { query })
export const post = <T>(path: string, json?: unknown) => request<T>('POST', path, { json: json ?? {} })
export const patch = <T>(path: string, json: unknown) => request<T>('PATCH', path, { json })
export const put = <T>(path: string) => request<T>('PUT', path)
export const del = (path: string) => request<null>('DELETE', path)
