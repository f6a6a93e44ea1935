import os from 'node:os'

/** A line warning that the figures are noisy when other work shared the CPU; undefined when not. */
export function busyMachineNote(): string | undefined {
  const [load1] = os.loadavg()
  const cores = os.availableParallelism()
  if (load1 === undefined || load1 <= cores) return undefined
  return `note: load average ${load1.toFixed(1)} on ${cores} cores: other work shared the CPU, so tail latencies are noisy.`
}
