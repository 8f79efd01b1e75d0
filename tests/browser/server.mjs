// Starts the real binary with its built-in VK simulator (`serve --demo`) on a free port, with a
// throwaway database and data directory, and reads the one-time admin credentials it prints.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

export async function startDemoServer(binary) {
  const dir = mkdtempSync(join(tmpdir(), 'vka-browser-'))
  const port = await freePort()
  const child = spawn(binary, ['serve', '--demo', '--listen', `127.0.0.1:${port}`], {
    env: {
      ...process.env,
      VKA_DATABASE_URL: `sqlite://${join(dir, 'test.db')}`,
      VKA_DATA_DIR: join(dir, 'data'),
      VKA_VK_RPS: '20',
      VKA_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const credentials = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no credentials printed within 60 s:\n${stdout}\n${stderr}`)), 60_000)
    child.once('exit', (code) => reject(new Error(`vk-analytics exited with ${code}:\n${stdout}\n${stderr}`)))
    const look = () => {
      const found = /as (\S+) with password (\S+)/.exec(stdout)
      if (!found) return
      clearTimeout(timer)
      child.stdout.off('data', look)
      resolve({ username: found[1], password: found[2] })
    }
    child.stdout.on('data', look)
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; ++i) {
    const ready = await fetch(`${base}/readyz`).then((r) => r.ok, () => false)
    if (ready) break
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    base,
    credentials,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
