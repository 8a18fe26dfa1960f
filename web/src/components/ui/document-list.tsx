import { CBV_BIZ_TRANSACTION_TYPES, type CbvBizTransactionType } from '@nguon/shared';
import { useT, type Translate } from '@/lib/i18n';

/** `urn:epcglobal:cbv:btt:inv` / `https://ref.gs1.org/cbv/BTT-inv` / `inv` → `inv`. */
function documentType(type: string): string {
  return type.replace(/^.*(?:btt:|BTT-)/, '');
}

function isCbvDocumentType(type: string): type is CbvBizTransactionType {
  return (CBV_BIZ_TRANSACTION_TYPES as readonly string[]).includes(type);
}

function documentLabel(type: string, t: Translate): string {
  const bare = documentType(type);
  return isCbvDocumentType(bare) ? t(`doc.${bare}`) : bare;
}

/** A record's reference documents as a facts row: "Delivery note PGH-2026-0918-01". */
export function DocumentList({ documents }: { documents: readonly { type: string; id: string }[] }) {
  const t = useT();
  if (documents.length === 0) return null;
  return (
    <div className="facts__row">
      <dt>{t('timeline.documents')}</dt>
      <dd>
        <ul className="plain-list">
          {documents.map((document) => (
            <li key={`${document.type}:${document.id}`}>
              {documentLabel(document.type, t)} <span className="code">{document.id}</span>
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}
