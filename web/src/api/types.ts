// Shapes of the server's v1 API (served at /api/v1/openapi.json).
export type Role = 'admin' | 'analyst' | 'viewer'

export interface User {
  id: string
  username: string
  display_name: string | null
  role: Role
  disabled: boolean
  must_change_password: boolean
  created_at: string
  last_login_at: string | null
}

export interface Session {
  user: User
  csrf_token: string
  expires_at: string
}

export const taskStatuses = [
  'queued',
  'running',
  'paused',
  'completed',
  'completed_with_errors',
  'failed',
  'canceled',
] as const
export type TaskStatus = (typeof taskStatuses)[number]

export interface TaskProgress {
  groups_total: number
  groups_done: number
  posts_found: number
  posts_done: number
  comments_expected: number
  comments_collected: number
  vk_requests: number
  retries: number
  eta_seconds: number | null
}

export interface TaskError {
  scope: string
  code: string
  vk_error_code: number | null
  message: string
  at: string
}

export interface Task {
  id: string
  name: string | null
  status: TaskStatus
  created_at: string
  started_at: string | null
  finished_at: string | null
  owner: string
  params: {
    groups: (number | string)[]
    posts: string[]
    posts_per_group: number
    since: string | null
    until: string | null
    threads: boolean
    vk_token_id: string | null
  }
  progress: TaskProgress
  errors: TaskError[]
}

export type Sentiment = 'positive' | 'neutral' | 'negative'

export interface Comment {
  owner_id: number
  post_id: number
  id: number
  parent_id: number | null
  thread_root_id: number | null
  from_id: number
  author_name: string | null
  date: string
  text: string
  likes: number
  deleted: boolean
  sentiment: Sentiment | null
  sentiment_score: number | null
  keywords: string[]
}

export interface SentimentCounts {
  positive: number
  neutral: number
  negative: number
}

export interface KeywordCount {
  keyword: string
  count: number
}

export interface Analytics {
  totals: { posts: number; comments: number; authors: number; comment_likes: number }
  sentiment: SentimentCounts
  top_keywords: KeywordCount[]
  top_authors: { author_id: number; name: string | null; comments: number }[]
  activity: {
    by_day: ({ date: string; comments: number } & Partial<SentimentCounts>)[]
    by_hour_of_week: number[]
  }
  groups: {
    group_id: number
    name: string | null
    posts: number
    comments: number
    sentiment: SentimentCounts
    top_keywords: KeywordCount[]
  }[]
  posts: { owner_id: number; post_id: number; comments: number; likes: number; sentiment: SentimentCounts }[]
}

export interface VkToken {
  id: string
  name: string
  kind: 'user' | 'service' | 'community'
  masked: string
  created_at: string
}

export interface ApiKey {
  id: string
  name: string
  role: Role
  key?: string
  created_at: string
  expires_at: string | null
  last_used_at: string | null
  owner?: string
}

export interface AuditEntry {
  id: string
  at: string
  actor: { type: 'user' | 'api_key' | 'system'; id: string | null }
  action: string
  target: string | null
  address: string | null
  request_id: string | null
}
