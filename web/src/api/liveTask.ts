// A task kept current by its Server-Sent Events: each event asks for the task again (coalesced),
// and the browser's EventSource reconnects by itself, sending Last-Event-ID, so nothing is missed.
import { onBeforeUnmount, ref } from 'vue'
import { fetchTask, isTerminal } from './tasks'
import type { Task } from './types'

export interface TaskEvent {
  seq: number
  type: string
  at: string
  payload: Record<string, unknown>
}

const eventTypes = [
  'task.created', 'task.started', 'task.queued', 'task.running', 'task.paused', 'task.canceled', 'task.completed',
  'task.completed_with_errors', 'task.failed', 'task.progress', 'task.error', 'group.resolved', 'group.skipped',
  'post.collected', 'post.skipped', 'comments.ingested',
]

const refreshDelayMs = 300

// Follows one task until it ends; `onTask` gets every new version, `onEvent` every event.
export function followTask(id: string, onTask: (task: Task) => void, onEvent: (event: TaskEvent) => void = () => {}) {
  const source = new EventSource(`/api/v1/tasks/${encodeURIComponent(id)}/events`)
  let timer: number | undefined
  let closed = false
  const close = () => {
    closed = true
    source.close()
    window.clearTimeout(timer)
  }
  const refresh = () => {
    if (timer !== undefined || closed) return
    timer = window.setTimeout(async () => {
      timer = undefined
      try {
        const task = await fetchTask(id)
        if (closed) return
        onTask(task)
        if (isTerminal(task.status)) close()
      } catch {
        close()
      }
    }, refreshDelayMs)
  }
  for (const type of eventTypes)
    source.addEventListener(type, (message) => {
      onEvent(JSON.parse((message as MessageEvent<string>).data) as TaskEvent)
      refresh()
    })
  // The stream also ends when the task has finished: one last look decides whether to stay.
  source.addEventListener('error', refresh)
  return close
}

// The task of a page, live while the page is open.
export function useLiveTask(id: string) {
  const task = ref<Task | null>(null)
  const events = ref<TaskEvent[]>([])
  const failure = ref<unknown>(null)
  let stop: () => void = () => {}
  const start = async () => {
    stop()
    try {
      task.value = await fetchTask(id)
    } catch (error) {
      failure.value = error
      return
    }
    if (isTerminal(task.value.status)) return
    stop = followTask(
      id,
      (next) => (task.value = next),
      (event) => (events.value = [event, ...events.value].slice(0, 50)),
    )
  }
  onBeforeUnmount(() => stop())
  return { task, events, failure, start }
}
