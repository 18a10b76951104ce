# Sourced by bin/streamplane and bin/kafka: picks the JDK that runs Streamplane.
# streamplane_java sets STREAMPLANE_JAVA to the first java of version 21 or newer among
# $JAVA_HOME/bin/java, the java on PATH and $STREAMPLANE_JVM_ROOT/*/bin/java (default /usr/lib/jvm),
# or prints what it found and returns 1.

streamplane_min_java=21

# The major version of a java binary (8 for 1.8), empty if it does not run.
streamplane_java_major() {
	"$1" -XshowSettings:properties -version 2>&1 \
		| sed -n 's/^ *java\.specification\.version = \(1\.\)\{0,1\}\([0-9]*\).*/\2/p'
}

streamplane_java() {
	streamplane_seen=""
	for streamplane_candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" \
		"${STREAMPLANE_JVM_ROOT:-/usr/lib/jvm}"/*/bin/java; do
		[ -n "$streamplane_candidate" ] && [ -x "$streamplane_candidate" ] || continue
		streamplane_major=$(streamplane_java_major "$streamplane_candidate")
		if [ -n "$streamplane_major" ] && [ "$streamplane_major" -ge "$streamplane_min_java" ]; then
			STREAMPLANE_JAVA=$streamplane_candidate
			return 0
		fi
		streamplane_seen="$streamplane_seen
  $streamplane_candidate (${streamplane_major:-does not run})"
	done
	echo "Streamplane needs a JDK $streamplane_min_java or newer; found none.${streamplane_seen:+ Tried:$streamplane_seen}" >&2
	echo "Install one (e.g. apt-get install openjdk-21-jdk-headless) and set JAVA_HOME to it." >&2
	return 1
}
