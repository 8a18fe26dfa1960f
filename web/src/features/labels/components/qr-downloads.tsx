import { useState } from 'react';
import { QR_ERROR_CORRECTION_LEVELS, type BatchView, type QrErrorCorrectionLevel } from '@nguon/shared';
import { SelectField } from '@/components/ui/select-field';
import { useT } from '@/lib/i18n';
import { qrImageUrl } from '../api/qr-image-url';

const SIZES = [256, 512, 1024, 2048] as const;

/** The QR code as the SVG the server draws (with its caption), and links to download it. */
export function QrDownloads({ batch }: { batch: BatchView }) {
  const t = useT();
  const [size, setSize] = useState<number>(512);
  const [ecc, setEcc] = useState<QrErrorCorrectionLevel>('M');
  return (
    <div className="labels-qr">
      <img
        className="labels-qr__preview"
        src={qrImageUrl(batch.id, 'svg', { size: 256, ecc })}
        alt={t('labels.qr.previewAlt', { lot: batch.lotCode })}
        width={256}
        data-testid="labels-qr-preview"
      />
      <div className="labels-qr__downloads">
        <h3 className="form__title">{t('labels.qr.title')}</h3>
        <div className="labels-fields">
          <SelectField label={t('labels.qr.size')} value={size} onChange={(event) => setSize(Number(event.target.value))}>
            {SIZES.map((value) => (
              <option key={value} value={value}>
                {t('labels.qr.sizeOption', { size: value })}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('labels.qr.ecc')}
            hint={t('labels.qr.eccHint')}
            value={ecc}
            onChange={(event) => setEcc(event.target.value as QrErrorCorrectionLevel)}
          >
            {QR_ERROR_CORRECTION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`labels.qr.ecc.${level}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="labels-qr__links">
          <a
            className="button button--secondary"
            href={qrImageUrl(batch.id, 'png', { size, ecc })}
            download={`qr-${batch.lotCode}.png`}
            data-testid="labels-qr-png"
          >
            {t('labels.qr.png')}
          </a>
          <a
            className="button button--secondary"
            href={qrImageUrl(batch.id, 'svg', { size, ecc })}
            download={`qr-${batch.lotCode}.svg`}
            data-testid="labels-qr-svg"
          >
            {t('labels.qr.svg')}
          </a>
        </p>
        <p className="field__hint">{t('labels.qr.svgHint')}</p>
      </div>
    </div>
  );
}
