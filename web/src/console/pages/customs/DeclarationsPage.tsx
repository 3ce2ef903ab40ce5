/** 出境申报: the list, the form for a new declaration or a draft, and one declaration. */
import { Route, Routes } from 'react-router-dom';
import { NotFound } from '../../../components/NotFound';
import '../../../customs/customs.css';
import { DeclarationDetail } from './DeclarationDetail';
import { EditDeclarationPage, NewDeclarationPage } from './DeclarationFormPage';
import { DeclarationList } from './DeclarationList';

export default function DeclarationsPage() {
  return (
    <Routes>
      <Route index element={<DeclarationList />} />
      <Route path="new" element={<NewDeclarationPage />} />
      <Route path=":id" element={<DeclarationDetail />} />
      <Route path=":id/edit" element={<EditDeclarationPage />} />
      <Route path="*" element={<NotFound home="/console" />} />
    </Routes>
  );
}
