#!/usr/bin/env bash
# The system packages `npm test` needs beyond Node and npm, installed when missing (run by `pretest` and .ci/run):
#   chromium                 the task-pane end-to-end tests (playwright-core drives /usr/bin/chromium)
#   libreoffice-calc-nogui   templates recalculated headless (soffice --convert-to xlsx)
#   fonts-wqy-zenhei         Chinese text in the browser screenshots
# As root: apt-get update, then apt-get install. Otherwise through sudo (asking for the password only on a
# terminal). Where neither is possible, or apt-get fails, it stops at once with one Chinese message naming the
# packages and the command that installs them.
set -uo pipefail

PACKAGES=(chromium libreoffice-calc-nogui fonts-wqy-zenhei)

installed() {
  if command -v dpkg-query >/dev/null 2>&1; then
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
    return
  fi
  # Not a Debian system: look for what the tests use.
  case "$1" in
    chromium) [ -x /usr/bin/chromium ] ;;
    libreoffice-calc-nogui) command -v soffice >/dev/null 2>&1 ;;
    fonts-wqy-zenhei) command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "wenquanyi zen hei" ;;
  esac
}

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

list="${missing[*]}"
stop() {
  echo "错误：运行测试需要系统软件包 ${list}，${1}。请以 root 身份运行：apt-get update && apt-get install -y ${list}（或在两条命令前加 sudo），然后重新运行 npm test。" >&2
  exit 1
}

if ! command -v apt-get >/dev/null 2>&1; then
  stop "本机没有 apt-get，无法自动安装"
fi

if [ "$(id -u)" = "0" ]; then
  run=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1 && { sudo -n true >/dev/null 2>&1 || [ -t 0 ]; }; then
  run=(sudo env DEBIAN_FRONTEND=noninteractive)
else
  stop "当前用户不是 root，也不能使用 sudo，无法自动安装"
fi

echo "正在安装测试所需的系统软件包：${list}" >&2
"${run[@]}" apt-get update -q || stop "apt-get update 失败"
"${run[@]}" apt-get install -y -q "${missing[@]}" || stop "apt-get install 失败"
