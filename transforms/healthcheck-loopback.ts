import { toJscodeshift } from '../src/jscodeshift-adapter';
import { composeHealthchecks, dockerfileHealthchecks, isComposeFile, isDockerfile, rewriteSpans, type ProbeSpan } from '../src/deploy/probes';
import type { Transform } from '../src/types';
import { mentionsLocalhost, rewriteProbeHost } from './healthcheck-loopback/loopback-host';

const HOST_SHAPE = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/;

export const healthcheckLoopback: Transform = {
  name: 'healthcheck-loopback',
  summary: 'Points Dockerfile and compose health probes at 127.0.0.1 instead of localhost (which can resolve to ::1)',
  options: {
    host: {
      type: 'string',
      default: '127.0.0.1',
      description: 'Host the probes should connect to: an IPv4 address, a host name, or a bracketed IPv6 address such as [::1]',
      validate: (value) =>
        typeof value === 'string' && HOST_SHAPE.test(value) && value.toLowerCase() !== 'localhost'
          ? null
          : 'expected an IPv4 address, a host name other than localhost, or a bracketed IPv6 address',
    },
  },
  text: {
    claims: (relPath) => isDockerfile(relPath) || isComposeFile(relPath),
    prefilter: (source) => /localhost/i.test(source),
    apply(source, ctx) {
      let spans: ProbeSpan[];
      if (isComposeFile(ctx.relPath)) {
        const probes = composeHealthchecks(source);
        if (probes.error) {
          ctx.manual(0, `the compose file does not parse as YAML (${probes.error}): its healthchecks were not checked for localhost`);
          return source;
        }
        spans = probes.spans;
      } else {
        spans = dockerfileHealthchecks(source);
      }

      const host: string = ctx.options.host;
      // The items of a compose list form one probe: `["CMD", "curl", "-f", "localhost"]`.
      const probes = new Map<number, ProbeSpan[]>();
      for (const span of spans) probes.set(span.probe ?? span.start, [...(probes.get(span.probe ?? span.start) ?? []), span]);
      const commandOf = (span: ProbeSpan) => probes.get(span.probe ?? span.start)!.map((s) => source.slice(s.start, s.end)).join(' ');
      const rewritten = new Map<number, string>();
      const output = rewriteSpans(source, spans, (text, span) => {
        const isClientItem = span.probe !== undefined && span.probe !== span.start && /^\W*(CMD|CMD-SHELL)?\W+(curl|wget)\b/i.test(commandOf(span));
        const result = rewriteProbeHost(text, host, isClientItem);
        ctx.changed(result.count);
        rewritten.set(span.start, result.text);
        return result.text;
      });

      for (const members of probes.values()) {
        const after = members.map((s) => rewritten.get(s.start) ?? '').join(' ');
        if (mentionsLocalhost(after))
          ctx.manual(members[0].line, `the health probe still names localhost outside a URL (${summarise(after)}); point it at ${host} if the server listens on IPv4 only`);
      }
      return output;
    },
  },
};

function summarise(probe: string): string {
  const flat = probe.replace(/\\\n/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

export default toJscodeshift(healthcheckLoopback);
