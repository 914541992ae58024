#!/usr/bin/env bash
# Installs the "Java (Partita)" Jupyter kernel (kernelspec name: partita).
#
#   kernel/install.sh                 for the current user (Jupyter's user data dir)
#   kernel/install.sh --prefix DIR    into DIR/share/jupyter/kernels/partita
#                                     (Jupyter finds it with JUPYTER_PATH=DIR/share/jupyter)
#
# Builds kernel/target/partita-kernel-<version>.jar with Maven if it is missing, then writes
# the kernelspec directory itself (kernel.json + a copy of the jar), so it works the same with
# a pip-installed Jupyter and with Debian's packages, and keeps working after `mvn clean`.
# Re-run it after rebuilding to install the new jar. Needs Java 17+ on PATH when the kernel runs.
# kernel/uninstall.sh [--prefix DIR] (this script with --uninstall) removes it again.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mode=user
prefix=""
uninstall=false

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --user) mode=user ;;
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
              mode=prefix; prefix="$2"; shift ;;
    --prefix=*) mode=prefix; prefix="${1#--prefix=}" ;;
    --uninstall) uninstall=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# Jupyter's user data dir, asking Jupyter when it is installed (it honours JUPYTER_DATA_DIR).
user_data_dir() {
  if [ -n "${JUPYTER_DATA_DIR:-}" ]; then echo "$JUPYTER_DATA_DIR"; return; fi
  if command -v jupyter >/dev/null 2>&1 && jupyter --data-dir >/dev/null 2>&1; then jupyter --data-dir; return; fi
  for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import jupyter_core' >/dev/null 2>&1; then
      "$py" -c 'from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())'; return
    fi
  done
  case "$(uname -s)" in
    Darwin) echo "$HOME/Library/Jupyter" ;;
    *) echo "${XDG_DATA_HOME:-$HOME/.local/share}/jupyter" ;;
  esac
}

if [ "$mode" = prefix ]; then
  case "$prefix" in
    /*) data_dir="$prefix/share/jupyter" ;;
    *) data_dir="$PWD/$prefix/share/jupyter" ;;
  esac
else
  data_dir="$(user_data_dir)"
fi
dest="$data_dir/kernels/partita"
template="$data_dir/nbconvert/templates/partita"

if [ "$uninstall" = true ]; then
  if [ -f "$dest/kernel.json" ]; then
    rm -rf "$dest" "$template"
    echo "Removed the Jupyter kernel 'partita' from $dest and the nbconvert template from $template"
  else
    echo "No Jupyter kernel 'partita' in $dest; nothing to remove."
  fi
  exit 0
fi

command -v java >/dev/null 2>&1 || { echo "install.sh: no 'java' on PATH; install Java 17 or newer (Debian: apt-get install openjdk-17-jdk)" >&2; exit 1; }

# The shaded kernel jar: the largest partita-kernel-*.jar (not original-*) in kernel/target.
find_jar() {
  ls -S "$here"/target/partita-kernel-*.jar 2>/dev/null | head -n 1 || true
}
jar="$(find_jar)"
if [ -z "$jar" ]; then
  echo "Building the kernel jar: mvn -B -q -ntp -DskipTests package (in $root)"
  (cd "$root" && mvn -B -q -ntp -DskipTests package)
  jar="$(find_jar)"
  [ -n "$jar" ] || { echo "install.sh: the build made no kernel/target/partita-kernel-*.jar" >&2; exit 1; }
fi

mkdir -p "$dest"

# Copy the jar next to kernel.json, atomically (a running kernel keeps its old file).
cp "$jar" "$dest/partita-kernel.jar.tmp"
mv -f "$dest/partita-kernel.jar.tmp" "$dest/partita-kernel.jar"

# plotly.js beside kernel.json (the Jupyter server serves it to the charts of every notebook page)
# and the nbconvert template 'partita' (html exports with plotly.js inlined, drawing offline).
java -cp "$dest/partita-kernel.jar" partita.kernel.KernelResources "$dest" "$template"

# JVM flags: use up to half the RAM for data (the default is a quarter), UTF-8 text on Java 17,
# no display needed for charts, and the exit guard's security manager allowed on Java 18+.
cat > "$dest/kernel.json.tmp" <<JSON
{
  "argv": ["java", "-XX:MaxRAMPercentage=50", "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
           "-Djava.security.manager=allow",
           "-jar", "$dest/partita-kernel.jar", "{connection_file}"],
  "display_name": "Java (Partita)",
  "language": "java",
  "interrupt_mode": "message",
  "metadata": {"debugger": false}
}
JSON
mv -f "$dest/kernel.json.tmp" "$dest/kernel.json"

echo "Installed the Jupyter kernel 'partita' (Java (Partita)):"
echo "  kernelspec  $dest/kernel.json"
echo "  jar         $dest/partita-kernel.jar (copied from ${jar#$root/})"
echo "  plotly.js   $dest/plotly.min.js (served to the charts by the Jupyter server)"
echo "  template    $template (jupyter nbconvert --to html --template partita: charts draw offline)"
if [ "$mode" = prefix ]; then
  echo "Jupyter finds it with: export JUPYTER_PATH=$data_dir"
fi
echo "Use it: pick 'Java (Partita)' in Jupyter, or"
echo "  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=partita NOTEBOOK.ipynb"
