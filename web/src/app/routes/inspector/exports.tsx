import { ExportsPage } from '@/features/exports/components/exports-page';

export default function InspectorExportsRoute() {
  return <ExportsPage />;
}
