import { STAGES, stageOf, UNITS, type FlagKind, type LocalizedText } from '@nguon/shared';

const FIELD_NAMES: Record<string, LocalizedText> = {
  location: { vi: 'địa điểm', en: 'location' },
  quantity: { vi: 'số lượng', en: 'quantity' },
  destination: { vi: 'bên nhận', en: 'recipient' },
  source: { vi: 'bên gửi', en: 'sender' },
};

/** A stored quantity with its unit code, as each language writes it. */
function amount(quantity: unknown, unit: unknown): LocalizedText {
  const name =
    typeof unit === 'string' && unit in UNITS ? UNITS[unit as keyof typeof UNITS] : { vi: String(unit ?? ''), en: String(unit ?? '') };
  const value = Number(quantity);
  return {
    vi: `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }).format(value)} ${name.vi}`.trim(),
    en: `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(value)} ${name.en}`.trim(),
  };
}

const date = (value: unknown) => (typeof value === 'string' ? value.slice(0, 10) : '');

/** One line saying what a flag found, from the details its detector stored. */
export function flagSummary(kind: FlagKind, details: Record<string, unknown>, lotCode: string | null): LocalizedText {
  const lot = lotCode ?? '';
  switch (kind) {
    case 'unreceived_shipment':
      return {
        vi: `Lô ${lot} gửi từ ${String(details.from)} đến ${String(details.to)} ngày ${date(details.shippedAt)} chưa được xác nhận đã nhận.`,
        en: `Batch ${lot} shipped by ${String(details.from)} to ${String(details.to)} on ${date(details.shippedAt)} has no receipt.`,
      };
    case 'outputs_exceed_inputs':
      return {
        vi: `Chế biến ra lô ${lot}: thành phẩm ${String(details.outputs)} ${String(details.unit)} nhiều hơn nguyên liệu ${String(details.inputs)} ${String(details.unit)}.`,
        en: `Processing into batch ${lot}: ${String(details.outputs)} ${String(details.unit)} out of ${String(details.inputs)} ${String(details.unit)} in.`,
      };
    case 'missing_data': {
      const stage = stageOf('ObjectEvent', String(details.bizStep)) ?? stageOf('TransformationEvent', String(details.bizStep));
      const name = stage ? STAGES[stage].label : { vi: String(details.bizStep), en: String(details.bizStep) };
      const missing = (Array.isArray(details.missing) ? details.missing : []).map(
        (f) => FIELD_NAMES[String(f)] ?? { vi: String(f), en: String(f) },
      );
      return {
        vi: `Sự kiện ${name.vi.toLowerCase()} của lô ${lot} thiếu: ${missing.map((m) => m.vi).join(', ')}.`,
        en: `The ${name.en.toLowerCase()} event of batch ${lot} lacks: ${missing.map((m) => m.en).join(', ')}.`,
      };
    }
    case 'mass_balance_exceeded': {
      const used = amount(details.used, details.unit);
      const held = amount(details.held, details.unit);
      return {
        vi: `Lô ${lot}: ${String(details.holder)} đã xuất ${used.vi} (gửi đi, đưa vào chế biến, bán, hủy) trong khi chỉ có ${held.vi}.`,
        en: `Batch ${lot}: ${String(details.holder)} sent out ${used.en} (shipped, used in processing, sold, destroyed) while it held only ${held.en}.`,
      };
    }
    case 'consumer_report':
      return { vi: `Người tiêu dùng phản ánh về lô ${lot}.`, en: `A consumer reported a problem with batch ${lot}.` };
    case 'improbable_scans':
      return {
        vi: `Mã của lô ${lot} được quét ở ${String(details.places)} nơi cách nhau tới ${String(details.maxKm)} km trong vòng ${String(details.windowHours)} giờ: có thể là mã bị sao chép.`,
        en: `The code of batch ${lot} was scanned in ${String(details.places)} places up to ${String(details.maxKm)} km apart within ${String(details.windowHours)} hours: it may have been copied.`,
      };
  }
}
