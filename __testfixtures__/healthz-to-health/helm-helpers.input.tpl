{{- define "api.probes" -}}
readinessProbe: &probe
  httpGet:
    path: /healthz
    port: {{ .Values.service.port }}
  periodSeconds: 10
livenessProbe: *probe
{{- end -}}
