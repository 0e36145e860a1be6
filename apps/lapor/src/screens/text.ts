// Every word the field app shows, in Bahasa Indonesia (the task forces' language). The labels of report
// types and statuses are typed against the domain's lists, so a new type or status fails the typecheck
// until it has its words here.
import type { ReportStatus, ReportType } from '@binaan/domain';

export const reportTypeLabel = {
  FOREIGN_NATIONAL_PRESENT: 'Keberadaan WNA',
  SUSPECTED_TRAFFICKING: 'Dugaan TPPO (perdagangan orang)',
  SUSPECTED_SMUGGLING: 'Dugaan TPPM (penyelundupan manusia)',
  NON_PROCEDURAL_MIGRANT_WORKER: 'PMI non-prosedural',
  REFUGEES: 'Pengungsi',
  PASSPORT_INFORMATION_REQUEST: 'Permintaan informasi paspor',
  OTHER: 'Lainnya',
} satisfies Record<ReportType, string>;

/** What the office has done with a received report. */
export const reportStatusLabel = {
  SUBMITTED: 'Diterima kantor',
  VERIFIED: 'Diverifikasi kantor',
  FOLLOWED_UP: 'Ditindaklanjuti kantor',
  CLOSED: 'Selesai',
  REJECTED: 'Ditolak kantor',
} satisfies Record<ReportStatus, string>;

export const text = {
  appName: 'Binaan Lapor',
  tagline: 'Laporan Desa Binaan Imigrasi',
  loading: 'Memuat…',
  online: 'Ada sinyal',
  offline: 'Tanpa sinyal — laporan disimpan di ponsel',
  enrol: {
    title: 'Daftarkan ponsel ini',
    intro:
      'Minta kode pendaftaran ke kantor imigrasi. Kode berlaku sekali. Ponsel ini lalu bisa mengirim laporan untuk desa Anda tanpa kata sandi.',
    code: 'Kode pendaftaran',
    codeHint: 'Delapan huruf dan angka, misalnya K7QD-M2XP.',
    codeMissing: 'Ketik kode pendaftaran dari kantor imigrasi.',
    submit: 'Daftarkan',
    submitting: 'Mendaftarkan…',
    noSignal: 'Pendaftaran perlu sinyal. Coba lagi saat ada sinyal; kode tetap berlaku sampai kedaluwarsa.',
    serverBusy: 'Server sedang sibuk. Coba lagi sebentar lagi.',
    again: 'Daftarkan lagi dengan kode baru',
  },
  form: {
    title: 'Laporan baru',
    editTitle: 'Ubah laporan yang ditolak',
    type: 'Jenis laporan',
    typeChoose: 'Pilih jenis laporan',
    occurredOn: 'Tanggal kejadian',
    occurredOnHint: (zone: string) => `Tanggal di desa (${zone}).`,
    peopleInvolved: 'Jumlah orang yang terlibat',
    description: 'Uraian singkat',
    descriptionHint: 'Apa yang terjadi, di mana, siapa yang terlibat.',
    contact: 'Kontak pelapor (tidak wajib)',
    contactHint:
      'Data pribadi: hanya petugas imigrasi yang berwenang yang dapat melihatnya. Ponsel ini menghapusnya setelah laporan diterima kantor.',
    reporterName: 'Nama pelapor',
    reporterPhone: 'Nomor HP pelapor',
    save: 'Simpan dan kirim',
    saveEdited: 'Simpan perubahan dan kirim',
    cancelEdit: 'Batal',
    saved: 'Laporan tersimpan di ponsel. Akan dikirim otomatis saat ada sinyal.',
    problems: 'Periksa isian yang ditandai:',
    draftKept: 'Isian yang belum disimpan tetap ada walau aplikasi ditutup.',
  },
  invalid: {
    type: 'Pilih jenis laporan.',
    occurredOn: 'Isi tanggal kejadian.',
    occurredOnFuture: 'Tanggal kejadian tidak boleh setelah hari ini.',
    occurredOnPast: 'Tanggal kejadian paling awal tahun 2000.',
    peopleInvolved: (min: number, max: number) => `Isi angka ${min} sampai ${max}.`,
    description: (min: number, max: number) => `Tulis uraian ${min} sampai ${max} huruf.`,
    reporterName: (min: number, max: number) => `Nama ${min} sampai ${max} huruf, atau kosongkan.`,
    reporterPhone: 'Nomor HP seperti 081234567890 atau +6281234567890, atau kosongkan.',
  },
  outbox: {
    title: 'Laporan di ponsel ini',
    empty: 'Belum ada laporan.',
    sendNow: 'Kirim sekarang',
    waiting: 'Menunggu sinyal',
    waitingRetry: (attempts: number) => `Menunggu sinyal · sudah dicoba ${attempts} kali`,
    serverProblem: (message: string) => `Server belum bisa menerima (${message}); dicoba lagi otomatis`,
    sending: 'Sedang dikirim…',
    received: (number: string) => `Laporan no. ${number}`,
    refused: 'Tidak terkirim',
    edit: 'Ubah',
    discard: 'Buang',
    discardConfirm: 'Buang laporan ini dari ponsel? Tidak bisa dibatalkan.',
    discardYes: 'Ya, buang',
    discardNo: 'Jangan',
    people: (count: number) => `${count} orang`,
    pending: (count: number) => `${count} laporan menunggu dikirim`,
  },
  revoked: {
    title: 'Ponsel ini sudah dicabut oleh kantor imigrasi',
    body: 'Laporan yang belum terkirim tetap tersimpan di ponsel ini. Minta kode pendaftaran baru ke kantor imigrasi, lalu ubah dan kirim lagi laporannya.',
    reportReason: 'Tidak terkirim: ponsel ini sudah dicabut oleh kantor imigrasi.',
  },
} as const;
