// Who is signed in. The cookie itself is HttpOnly; what the app keeps is the user and the CSRF token.
import { ref } from 'vue'
import { ApiError, get, post, setCsrfToken } from './api/client'
import type { Session, User } from './api/types'

export const currentUser = ref<User | null>(null)

function adopt(session: Session | null) {
  currentUser.value = session?.user ?? null
  setCsrfToken(session?.csrf_token ?? null)
}

// Asks the server whether the cookie still holds a session.
export async function loadSession(): Promise<User | null> {
  try {
    adopt((await get<Session>('/auth/session')).data)
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error
    adopt(null)
  }
  return currentUser.value
}

export async function signIn(username: string, password: string): Promise<User> {
  const session = (await post<Session>('/auth/login', { username, password })).data
  adopt(session)
  return session.user
}

export async function signOut() {
  try {
    await post('/auth/logout')
  } finally {
    adopt(null)
  }
}

export function forgetSession() {
  adopt(null)
}
