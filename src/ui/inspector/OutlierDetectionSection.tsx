// Outlier detection: passive health checking that ejects endpoints returning errors.
import { OutlierDetection, type Cluster } from '../../model/schema';
import { positiveDurationParser } from './durations';
import { OptionalField } from './fields/OptionalField';
import { ToggleSection } from './fields/ToggleSection';
import { integerParser, schemaCheck } from './parse';
import { useClusterPatch } from './usePatch';

const consecutiveParser = integerParser(schemaCheck(OutlierDetection.shape.consecutive5xx.unwrap()));
const percentParser = integerParser(schemaCheck(OutlierDetection.shape.maxEjectionPercent.unwrap()));
const DEFAULT_OUTLIER: OutlierDetection = { consecutive5xx: 5, interval: '10s', baseEjectionTime: '30s', maxEjectionPercent: 10 };

export function OutlierDetectionSection({ cluster }: { cluster: Cluster }) {
  const patch = useClusterPatch(cluster.id);
  const od = cluster.outlierDetection;
  const change = (p: Partial<OutlierDetection>) =>
    patch((c) => (c.outlierDetection ? { outlierDetection: { ...c.outlierDetection, ...p } } : {}));
  return (
    <ToggleSection
      legend="Outlier detection"
      toggleLabel="Outlier detection"
      enabled={od !== null}
      hint="Ejects endpoints that keep failing; empty fields take Envoy's defaults"
      onToggle={(on) => patch(() => ({ outlierDetection: on ? DEFAULT_OUTLIER : null }))}
    >
      {od && (
        <>
          <OptionalField
            label="Consecutive 5xx"
            value={od.consecutive5xx}
            parse={consecutiveParser}
            numeric
            placeholder="5 (Envoy's default)"
            onCommit={(consecutive5xx) => change({ consecutive5xx })}
          />
          <OptionalField
            label="Analysis interval"
            value={od.interval}
            parse={positiveDurationParser}
            placeholder="10s (Envoy's default)"
            onCommit={(interval) => change({ interval })}
          />
          <OptionalField
            label="Base ejection time"
            value={od.baseEjectionTime}
            parse={positiveDurationParser}
            placeholder="30s (Envoy's default)"
            onCommit={(baseEjectionTime) => change({ baseEjectionTime })}
          />
          <OptionalField
            label="Max ejection percent"
            value={od.maxEjectionPercent}
            parse={percentParser}
            numeric
            placeholder="10 (Envoy's default)"
            onCommit={(maxEjectionPercent) => change({ maxEjectionPercent })}
          />
        </>
      )}
    </ToggleSection>
  );
}
