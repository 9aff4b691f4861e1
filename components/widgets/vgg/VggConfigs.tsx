/**
 * The four VGG configurations side by side, read from the engine's VGG_CONFIGS,
 * with each one's weight layers and parameters from the zoo's summary. Static.
 */
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { configurations } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './vgg.css';

const LABELS: Record<string, string> = { vgg11: 'VGG-11', vgg13: 'VGG-13', vgg16: 'VGG-16', vgg19: 'VGG-19' };

export default function VggConfigs({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const configs = configurations();
  const title = t.configsTitle(configs.map((c) => LABELS[c.name]).join(', '));
  const blockCount = Math.max(...configs.map((c) => c.blocks.length));
  return (
    <WidgetFrame title={title} caption={t.configsCaption} class="vg-configs">
      <div class="vg-scroll" tabIndex={0} role="region" aria-label={title}>
        <table class="vg-table vg-table--configs" data-testid="configs-table">
          <thead>
            <tr>
              <td />
              {configs.map((c) => <th scope="col" key={c.name}>{LABELS[c.name]}</th>)}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: blockCount }, (_, b) => (
              <tr key={b}>
                <th scope="row">{t.colBlock(b + 1)}</th>
                {configs.map((c) => (
                  <td key={c.name} data-convs={c.blocks[b].length}>
                    {c.blocks[b].map((w, i) => <span class="vg-conv" key={i}>3×3, {w}</span>)}
                    <span class="vg-pool">{t.pool}</span>
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t.colClassifier}</th>
              {configs.map((c) => (
                <td key={c.name}>{c.classifier.map((n, i) => <span class="vg-conv" key={i}>FC {n}</span>)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t.colWeightLayers}</th>
              {configs.map((c) => <td key={c.name} class="vg-num">{c.weightLayers}</td>)}
            </tr>
            <tr>
              <th scope="row">{t.colTotalParams}</th>
              {configs.map((c) => <td key={c.name} class="vg-num" data-testid={`params-${c.name}`}>{c.params.toLocaleString(locale)}</td>)}
            </tr>
          </tbody>
        </table>
      </div>
    </WidgetFrame>
  );
}
