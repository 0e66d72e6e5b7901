#!/bin/sh
# Loyalty Desktop for Linux: add this folder's app to your applications menu (no root needed).
#
#   ./install-desktop-entry.sh               menu entry, icons, and `loyalty-desktop` in ~/.local/bin
#   ./install-desktop-entry.sh --uninstall   remove those three (not this folder, your data or your key)
#
# Run it from where the app will stay: the menu entry points at this folder.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
bin=$HOME/.local/bin
sizes="16 24 32 48 64 128 256 512"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$apps/loyalty-desktop.desktop"
    for s in $sizes; do rm -f "$data/icons/hicolor/${s}x${s}/apps/loyalty-desktop.png"; done
    if [ -L "$bin/loyalty-desktop" ]; then rm -f "$bin/loyalty-desktop"; fi
    refresh
    echo "Removed the Loyalty Desktop menu entry, icons and command link."
    exit 0
fi

case $here in
    *[\"\`\$\\]*) echo "Move the app to a folder whose path has no \" \` \$ or \\ characters first." >&2; exit 1 ;;
esac
[ -x "$here/loyalty-desktop" ] || { echo "$here/loyalty-desktop not found: run this script from the app folder." >&2; exit 1; }

res=$here/_internal/resources
mkdir -p "$apps" "$bin"
for s in $sizes; do
    mkdir -p "$data/icons/hicolor/${s}x${s}/apps"
    cp "$res/icons/loyalty-desktop-$s.png" "$data/icons/hicolor/${s}x${s}/apps/loyalty-desktop.png"
done
sed -e "s|^Exec=loyalty-desktop|Exec=\"$here/loyalty-desktop\"|" \
    -e "s|^TryExec=.*|TryExec=$here/loyalty-desktop|" \
    "$res/linux/loyalty-desktop.desktop" > "$apps/loyalty-desktop.desktop"
chmod 644 "$apps/loyalty-desktop.desktop"
ln -sfn "$here/loyalty-desktop" "$bin/loyalty-desktop"
refresh
echo "Loyalty Desktop is in your applications menu; \`loyalty-desktop\` runs it from a terminal ($bin must be on your PATH)."
