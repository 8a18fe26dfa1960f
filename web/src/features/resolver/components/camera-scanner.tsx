import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CameraIcon } from '@/components/ui/icons';
import { useT } from '@/lib/i18n';
import { openBarcodeReader } from '../utils/barcode-reader';

const SCAN_INTERVAL_MS = 200;

/** Whether this browser can open a camera at all (a secure page on a device that has one). */
function canOpenCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** Known after hydration only: the server-rendered page cannot know the visitor's browser. */
function useCameraSupport(): boolean {
  const [supported, setSupported] = useState(false);
  useEffect(() => setSupported(canOpenCamera()), []);
  return supported;
}

/** What kept the scan from starting: the camera (refused, absent) or the reader (not loaded). */
type Failure = 'camera' | 'reader';

interface CameraViewProps {
  onDecoded: (text: string) => void;
  onError: (failure: Failure) => void;
}

/** The live camera picture; decodes a few frames a second until a code is read. */
function CameraView({ onDecoded, onError }: CameraViewProps) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  // The latest callbacks, without restarting the camera when the parent re-renders.
  const decoded = useEffectEvent((text: string) => onDecoded(text));
  const failed = useEffectEvent((failure: Failure) => onError(failure));

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.scrollIntoView({ block: 'center', behavior: 'smooth' });
    // The reader loads (for most iPhones, ZXing's WebAssembly) while the camera opens.
    const reader = openBarcodeReader();
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;

    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    reader.catch(() => {
      if (stopped) return;
      stop();
      failed('reader');
    });

    const scan = async () => {
      if (stopped) return;
      try {
        if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
          const [first] = await (await reader).detect(video);
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
        if (stopped) return;
        stop();
        failed('camera');
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
 * "Scan with camera" on every phone that has one: the browser's BarcodeDetector decodes where it
 * exists, ZXing elsewhere. Without a camera (or on a page that is not secure) typing is the way in.
 */
export function CameraScanner({ onDecoded, disabled }: CameraScannerProps) {
  const t = useT();
  const supported = useCameraSupport();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<Failure | null>(null);

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
          setFailed(null);
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
          onError={(failure) => {
            setOpen(false);
            setFailed(failure);
          }}
        />
      ) : null}
      {failed ? <Alert>{t(failed === 'camera' ? 'scan.cameraDenied' : 'scan.readerFailed')}</Alert> : null}
    </div>
  );
}
