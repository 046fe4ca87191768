{{- define "api.probes" -}}
readinessProbe: &probe
  httpGet:
    path: /health
    port: {{ .Values.service.port }}
  periodSeconds: 10
livenessProbe: *probe
{{- end -}}
