{{/* The release's base name, at most 63 characters. */}}
{{- define "streamplane.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "streamplane.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: streamplane
{{- end -}}

{{/* Selector labels of one role; call with (dict "root" $ "component" "engine"). */}}
{{- define "streamplane.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The Secret holding admin-token and read-token. */}}
{{- define "streamplane.secretName" -}}
{{- .Values.auth.existingSecret | default (printf "%s-tokens" (include "streamplane.fullname" .)) -}}
{{- end -}}

{{- define "streamplane.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{/*
The container of one role; call with (dict "root" $ "role" "engine" "values" .Values.engine "env" (list ...)
"mounts" (list ...)). Probes use the actuator's liveness and readiness groups.
*/}}
{{- define "streamplane.container" -}}
{{- $root := .root -}}
- name: {{ .role }}
  image: {{ include "streamplane.image" $root | quote }}
  imagePullPolicy: {{ $root.Values.image.pullPolicy }}
  securityContext:
    {{- toYaml $root.Values.securityContext | nindent 4 }}
  env:
    - name: STREAMPLANE_ROLES
      value: {{ .role | quote }}
    - name: STREAMPLANE_STANDALONE_ENABLED
      value: "false"
    - name: SPRING_KAFKA_BOOTSTRAP_SERVERS
      value: {{ required "kafka.bootstrapServers is required, e.g. --set kafka.bootstrapServers=kafka:9092" $root.Values.kafka.bootstrapServers | quote }}
    - name: SPRING_CONFIG_ADDITIONAL_LOCATION
      value: "optional:file:/etc/streamplane/"
    - name: JDK_JAVA_OPTIONS
      value: {{ .values.javaOptions | quote }}
    {{- with .env }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $root.Values.extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with $root.Values.extraEnvFrom }}
  envFrom:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  ports:
    - name: http
      containerPort: 8080
      protocol: TCP
    {{- with .ports }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  startupProbe:
    httpGet: { path: /actuator/health/liveness, port: http }
    periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
    failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
  livenessProbe:
    httpGet: { path: /actuator/health/liveness, port: http }
    periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
    failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
  readinessProbe:
    httpGet: { path: /actuator/health/readiness, port: http }
    periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
    failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
  resources:
    {{- toYaml .values.resources | nindent 4 }}
  volumeMounts:
    - name: tmp
      mountPath: /tmp
    - name: config
      mountPath: /etc/streamplane
      readOnly: true
    {{- with .mounts }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
    {{- with $root.Values.extraVolumeMounts }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}

{{/* Volumes every role has: a writable /tmp and the application.yaml ConfigMap. */}}
{{- define "streamplane.volumes" -}}
- name: tmp
  emptyDir: {}
- name: config
  configMap:
    name: {{ include "streamplane.fullname" . }}-config
{{- with .Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Pod-level settings every role shares; call with (dict "root" $ "values" .Values.engine). */}}
{{- define "streamplane.podSpec" -}}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* A PodDisruptionBudget for one role; call with (dict "root" $ "component" "engine" "values" .Values.engine). */}}
{{- define "streamplane.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "streamplane.fullname" .root }}-{{ .component }}
  labels:
    {{- include "streamplane.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
spec:
  maxUnavailable: {{ .values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "streamplane.selectorLabels" (dict "root" .root "component" .component) | nindent 6 }}
{{- end -}}
