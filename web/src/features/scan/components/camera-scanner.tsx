import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CameraIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n';

/** The Shape Detection API's barcode reader (Chrome on Android, ChromeOS, macOS); not in lib.dom yet. */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorConstructor {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const SCAN_INTERVAL_MS = 200;

function barcodeDetector(): BarcodeDetectorConstructor | null {
  const ctor = (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
  const canOpenCamera = typeof navigator.mediaDevices?.getUserMedia === 'function';
  return ctor && canOpenCamera ? ctor : null;
}

/** True once we know this browser can both open the camera and decode QR codes. */
function useQrScanSupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => {
    const ctor = barcodeDetector();
    if (!ctor) return;
    let cancelled = false;
    ctor
      .getSupportedFormats()
      .then((formats) => {
        if (!cancelled) setSupported(formats.includes('qr_code'));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return supported;
}

interface CameraViewProps {
  onDecoded: (text: string) => void;
  onError: () => void;
}

/** The live camera picture; decodes a few frames a second until a QR code is read. */
function CameraView({ onDecoded, onError }: CameraViewProps) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  // The latest callbacks, without restarting the camera when the parent re-renders.
  const decoded = useEffectEvent((text: string) => onDecoded(text));
  const failed = useEffectEvent(() => onError());

  useEffect(() => {
    const ctor = barcodeDetector();
    const video = videoRef.current;
    if (!ctor || !video) return;
    video.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const detector = new ctor({ formats: ['qr_code'] });
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;

    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };

    const scan = async () => {
      if (stopped) return;
      try {
        if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
          const [first] = await detector.detect(video);
          if (first?.rawValue && !stopped) {
            stop();
            decoded(first.rawValue);
            return;
          }
        }
      } catch {
        // A frame that cannot be read: try the next one.
      }
      if (!stopped) timer = window.setTimeout(scan, SCAN_INTERVAL_MS);
    };

    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(async (media) => {
        if (stopped) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        stream = media;
        video.srcObject = media;
        await video.play();
        void scan();
      })
      .catch(() => {
        if (!stopped) failed();
      });

    return stop;
  }, []);

  return (
    <div className="camera">
      <video ref={videoRef} className="camera__video" muted playsInline aria-label={t('scan.cameraVideo')} />
      <span className="camera__frame" aria-hidden="true" />
      <p className="camera__hint">{t('scan.cameraHint')}</p>
    </div>
  );
}

interface CameraScannerProps {
  onDecoded: (text: string) => void;
  disabled?: boolean;
}

/**
 * "Scan with camera": rendered only where BarcodeDetector reads QR codes (mobile Chrome).
 * Elsewhere nothing shows and typing the code is the way in.
 */
export function CameraScanner({ onDecoded, disabled }: CameraScannerProps) {
  const t = useT();
  const supported = useQrScanSupport();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);

  if (!supported) return null;

  return (
    <div className="camera-scanner">
      <p className="divider">
        <span>{t('scan.or')}</span>
      </p>
      <Button
        variant="secondary"
        className="button--block"
        disabled={disabled}
        aria-expanded={open}
        onClick={() => {
          setFailed(false);
          setOpen((value) => !value);
        }}
      >
        <CameraIcon />
        {open ? t('scan.cameraClose') : t('scan.camera')}
      </Button>
      {open ? (
        <CameraView
          onDecoded={(text) => {
            setOpen(false);
            onDecoded(text);
          }}
          onError={() => {
            setOpen(false);
            setFailed(true);
          }}
        />
      ) : null}
      {failed ? <Alert>{t('scan.cameraDenied')}</Alert> : null}
    </div>
  );
}
