// The dashboard's shell. The pages (Ringkasan, Cakupan, Laporan, Pelatihan, Desa) arrive with the
// dashboard issue; until then it says what it will be.
export function App() {
  return (
    <main>
      <h1>Binaan</h1>
      <p>Pemantauan program Desa Binaan Imigrasi.</p>
    </main>
  );
}
