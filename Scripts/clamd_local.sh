#!/usr/bin/env bash
# Starts a throw-away ClamAV daemon (Debian `clamav-daemon`) for the tests, on a local socket,
# with a local signature database holding the EICAR test signature only (no download, no
# freshclam): `Scripts/clamd_local.sh DIR` prints `unix:DIR/clamd.sock` once clamd answers PING.
set -euo pipefail
dir="${1:?usage: clamd_local.sh DIR}"
mkdir -p "$dir/db"
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
hex=$(printf '%s' "$eicar" | od -An -tx1 | tr -d ' \n')
# An extended signature (.ndb): name, any file type (0), any offset (*), the bytes in hex.
printf 'Eicar-Test-Signature:0:*:%s\n' "$hex" > "$dir/db/eicar.ndb"
clamd_bin=$(command -v clamd || echo /usr/sbin/clamd)
user=$(id -un)
cat > "$dir/clamd.conf" <<CONF
DatabaseDirectory $dir/db
LocalSocket $dir/clamd.sock
LocalSocketMode 660
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
User $user
Foreground no
StreamMaxLength 110M
MaxFileSize 110M
MaxScanSize 110M
CONF
"$clamd_bin" -c "$dir/clamd.conf"
for _ in $(seq 1 60); do
    if [ -S "$dir/clamd.sock" ] && printf 'zPING\0' | python3 -c "
import socket,sys
s=socket.socket(socket.AF_UNIX); s.connect('$dir/clamd.sock'); s.sendall(sys.stdin.buffer.read())
print(s.recv(64).decode(errors='replace'))" 2>/dev/null | grep -q PONG; then
        echo "unix:$dir/clamd.sock"
        exit 0
    fi
    sleep 1
done
echo "clamd did not start; see $dir/clamd.log" >&2
cat "$dir/clamd.log" >&2 || true
exit 1
