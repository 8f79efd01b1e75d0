import { del, get, post, put } from './client'
import type { Task, TaskStatus } from './types'

export const terminalStatuses: TaskStatus[] = ['completed', 'completed_with_errors', 'failed', 'canceled']
export const isTerminal = (status: TaskStatus) => terminalStatuses.includes(status)

export type TaskAction = 'pause' | 'resume' | 'cancel'

// The transitions the server allows (409 otherwise), so that only possible actions are offered.
export function allowedActions(status: TaskStatus): TaskAction[] {
  if (status === 'queued' || status === 'running') return ['pause', 'cancel']
  if (status === 'paused') return ['resume', 'cancel']
  return []
}

export const fetchTask = async (id: string) => (await get<Task>(`/tasks/${encodeURIComponent(id)}`)).data
export const changeTask = async (id: string, action: TaskAction) =>
  (await post<Task>(`/tasks/${encodeURIComponent(id)}/${action}`)).data
export const deleteTask = (id: string) => del(`/tasks/${encodeURIComponent(id)}`)
export const shareTask = (id: string, userId: string) =>
  put(`/tasks/${encodeURIComponent(id)}/shares/${encodeURIComponent(userId)}`)
