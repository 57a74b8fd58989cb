"""The service's CPU samples (perf record -g) by frame: inclusive and own shares, with .NET's JIT-compiled frames named from the
runtime's perf map (/tmp/perf-PID.map, DOTNET_PerfMapEnabled=1). perf itself names none of them here, because the runtime maps its
code through a memfd (W^X double mapping), not as anonymous memory: the samples' offsets into that memfd are turned back into
addresses with the mapping events. Usage: frames.py PERF_DATA PERF_MAP [TOP]. Used by scripts/bench/writes.sh --account."""
import sys, re, bisect, subprocess, collections
data, mapfile = sys.argv[1], sys.argv[2]
top = int(sys.argv[3]) if len(sys.argv) > 3 else 60
syms = []
for line in open(mapfile, errors='replace'):
    p = line.rstrip('\n').split(' ', 2)
    if len(p) == 3:
        syms.append((int(p[0], 16), int(p[1], 16), p[2]))
syms.sort()
starts = [s[0] for s in syms]
def lookup(a):
    i = bisect.bisect_right(starts, a) - 1
    if i >= 0 and a < syms[i][0] + syms[i][1]:
        return syms[i][2]
    return None
out = subprocess.run(['perf', 'script', '-i', data, '--show-mmap-events', '-F', 'comm,tid,ip,sym,dso'], capture_output=True, text=True, errors='replace').stdout
maps = []
mm = re.compile(r'\[0x([0-9a-f]+)\(0x([0-9a-f]+)\) @ (0x[0-9a-f]+|0) .*doublemapper')
samples = []; cur = None
for line in out.split('\n'):
    if 'PERF_RECORD_MMAP' in line:
        m = mm.search(line)
        if m:
            maps.append((int(m.group(3), 16), int(m.group(2), 16), int(m.group(1), 16)))
        continue
    if not line.strip():
        if cur: samples.append(cur)
        cur = None; continue
    if not line.startswith('\t') and not line.startswith(' '):
        cur = []; continue
    if cur is None: continue
    f = line.strip().split(' ', 2)
    ip = int(f[0], 16); sym = f[1] if len(f) > 1 else '?'; dso = f[2] if len(f) > 2 else ''
    if 'doublemapper' in dso:
        name = None
        for off, size, start in maps:
            if off <= ip < off + size:
                name = lookup(start + ip - off); break
        name = name or '[jit ?]'
    elif sym != '[unknown]':
        name = sym
    else:
        name = '[' + dso.strip('()').split('/')[-1] + ']'
    cur.append(name)
if cur: samples.append(cur)
n = len(samples)
inc = collections.Counter(); exc = collections.Counter()
for s in samples:
    for name in set(s): inc[name] += 1
    if s: exc[s[0]] += 1
print(f'{n} samples')
for name, c in inc.most_common(top):
    print(f'{100*c/n:6.1f}% {100*exc[name]/n:6.1f}%  {name[:170]}')
print('--- own (exclusive) ---')
for name, c in exc.most_common(25):
    print(f'{100*c/n:6.1f}%  {name[:170]}')
