import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { graphqlClient, Providers } from './app/providers';
import { createRouter } from './app/router';
import './app/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={createRouter(graphqlClient)} />
    </Providers>
  </StrictMode>,
);
