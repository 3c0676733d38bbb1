#!/bin/sh
# promplan: the command line (with arguments) or the desktop app (without), on the runtime in this package.
# It starts the bundled Java directly, with the JVM options of lib/app/promplan.cfg (written in by
# packaging/build-installer.sh), instead of jpackage's native launcher: that one asks rpm and dpkg which
# package owns it at every start (measured here: about 0.2 s of CPU), too much for a command that runs in 0.5 s.
self=$(readlink -f "$0" 2>/dev/null) || self=$0
ROOT=${self%/bin/*}
APPDIR=$ROOT/lib/app
exec "$ROOT/lib/runtime/bin/java" @JAVA_OPTIONS@ -cp "$APPDIR/promplan.jar" io.promplan.Launcher "$@"
