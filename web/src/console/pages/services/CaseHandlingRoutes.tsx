import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../components/NotFound';
import CaseHandlingPage from './CaseHandlingPage';

/** /console/services/cases/:id (the nav entry routes everything below /console/services/cases here). */
export default function CaseHandlingRoutes() {
  return (
    <Routes>
      <Route path=":id" element={<CaseHandlingPage />} />
      <Route path="*" element={<NotFound home="/console/services/inbox" />} />
    </Routes>
  );
}
