#!/usr/bin/env python3
"""Runs a command (a build) and prints the CPU time its processes used, by build module and kind of process.

    python3 bench/build-cpu.py /tmp/build-cpu.txt mvn -B verify     (from the repository's root)

Every half second it reads /proc: each process started after this script, its user + system CPU time as last seen,
the module named in its own or its nearest ancestor's command line (<repository>/<module>/), and what it is (a test
JVM, PIT, a shipped jar, a database server, javac, Maven). Processes that live less than half a second may be
missed; database servers that detach from their parent count under "-" unless their command line names a module.
"""
import collections
import os
import re
import subprocess
import sys
import time

CLOCK_TICKS = os.sysconf('SC_CLK_TCK')
MODULE = re.compile(re.escape(os.getcwd()) + r'/([a-z-]+)/')


def read(pid):
    """(parent pid, CPU seconds, start time, name, command line) of a process, or None if it is gone."""
    try:
        with open(f'/proc/{pid}/stat') as f:
            stat = f.read()
        with open(f'/proc/{pid}/cmdline', 'rb') as f:
            command = f.read().replace(b'\0', b' ').decode(errors='replace')
    except OSError:
        return None
    name_end = stat.rindex(')')
    fields = stat[name_end + 2:].split()
    cpu = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return int(fields[1]), cpu, fields[19], stat[stat.index('(') + 1:name_end], command


def pids():
    return map(int, filter(str.isdigit, os.listdir('/proc')))


def kind(name, command):
    if 'pitest' in command:
        return 'PIT'
    if 'surefire' in command or 'failsafe' in command:
        return 'test JVM'
    if 'wxlogin.jar' in command:
        return 'shipped jar'
    if 'plexus-classworlds' in command:
        return 'Maven'
    if name.startswith('postgres') or name.startswith('mariadbd') or name.startswith('mysqld'):
        return 'database server'
    return name


def module_of(pid, processes):
    for _ in range(30):
        if pid not in processes:
            return '-'
        command = processes[pid][4]
        found = MODULE.search(command)
        if found and 'plexus-classworlds' not in command:
            return found.group(1)
        pid = processes[pid][0]
    return '-'


def main():
    out = sys.argv[1]
    before = {(pid, (read(pid) or (0, 0, ''))[2]) for pid in pids()}
    seen = {}  # (pid, start time) -> [CPU seconds, module, kind]
    started = time.time()
    build = subprocess.Popen(sys.argv[2:])
    while build.poll() is None:
        processes = {pid: p for pid in pids() if (p := read(pid))}
        for pid, (_, cpu, start, name, command) in processes.items():
            key = (pid, start)
            if key in before:
                continue
            if key in seen:
                seen[key][0] = cpu
            else:
                seen[key] = [cpu, module_of(pid, processes), kind(name, command)]
        time.sleep(0.5)
    totals = collections.Counter()
    for cpu, module, what in seen.values():
        totals[(module, what)] += cpu
    with open(out, 'w') as f:
        for (module, what), cpu in totals.most_common():
            if cpu >= 1:
                f.write(f'{cpu:8.1f} s  {module:22s} {what}\n')
        f.write(f'{sum(totals.values()):8.1f} s  CPU in all, {time.time() - started:.0f} s of wall clock\n')
    sys.exit(build.returncode)


if __name__ == '__main__':
    main()
