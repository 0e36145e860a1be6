// Messages for people, in their language. As with gettext, the English text is the key: errors are
// raised in English (and logged so), and turned into Bahasa Indonesia when the caller reads them.
// zod's own messages (too small, too big, invalid format…) come from zod's Indonesian locale.
import { z } from 'zod';
import type { Locale } from './context.js';

type Rule = [pattern: RegExp, indonesian: string];

/** English message → Bahasa Indonesia; `$1`… are the pattern's groups. */
const indonesian: Rule[] = [
  // Access
  [/^Sign in first\.$/, 'Silakan masuk terlebih dahulu.'],
  [/^Not allowed for your role or area\.$/, 'Tidak diizinkan untuk peran atau wilayah Anda.'],
  [/^Your role may not make this change\.$/, 'Peran Anda tidak boleh melakukan perubahan ini.'],
  [/^This is outside your area\.$/, 'Ini di luar wilayah Anda.'],
  [/^This office works outside your area\.$/, 'Kantor ini bekerja di luar wilayah Anda.'],
  [/^Only people issue tokens\.$/, 'Hanya pengguna yang dapat menerbitkan token.'],
  [
    /^You cannot give a token more than you may do yourself\.$/,
    'Token tidak boleh diberi hak melebihi hak Anda sendiri.',
  ],
  [/^Limit the token to an office inside your area\.$/, 'Batasi token pada kantor di dalam wilayah Anda.'],
  [/^Wrong email or password\.$/, 'Email atau kata sandi salah.'],
  [/^Request body over (.+) bytes\.$/, 'Isi permintaan melebihi $1 byte.'],
  [/^This client may only send its registered documents\.$/, 'Klien ini hanya boleh mengirim dokumen yang terdaftar.'],
  [/^Unknown document id\.$/, 'ID dokumen tidak dikenal.'],
  [/^Server is shutting down\.$/, 'Server sedang berhenti; coba lagi.'],
  // Input mistakes graphql-js, the scalars and Pothos report (plugins/input-mistakes.ts)
  [
    /^(.+) is not a date; write it as YYYY-MM-DD, e\.g\. 2026-01-31\.$/,
    '$1 bukan tanggal; tulis dengan format YYYY-MM-DD, mis. 2026-01-31.',
  ],
  [/^Variable "(\$\w+)" got invalid value .*? at "([^"]+)"$/s, 'Nilai variabel "$1" pada "$2" tidak valid'],
  [/^Variable "(\$\w+)" got invalid value .*$/s, 'Nilai variabel "$1" tidak valid'],
  [/^Invalid cursor: (.+)$/, 'Kursor tidak valid: $1'],
  [/^Invalid (?:offset )?cursor\b.*$/, 'Kursor tidak valid.'],
  [/^Cursor must be a string$/, 'Kursor harus berupa teks.'],
  [/^Expected compound cursor\b.*$/, 'Kursor tidak valid.'],
  [
    /^Arguments "(\w+)" and "(\w+)" are not supported at the same time$/,
    'Argumen "$1" dan "$2" tidak dapat dipakai bersamaan.',
  ],
  [
    /^Argument "last" can only be used in combination with "before" or "first"$/,
    'Argumen "last" hanya dapat dipakai bersama "before" atau "first".',
  ],
  [/^Argument "(\w+)" must be a non-negative integer$/, 'Argumen "$1" harus bilangan bulat tidak negatif.'],
  // Not found
  [/^No village has code (.+)\.$/, 'Tidak ada desa/kelurahan dengan kode $1.'],
  [/^No immigration office has code (.+)\.$/, 'Tidak ada kantor imigrasi dengan kode $1.'],
  [/^No area has code (.+)\.$/, 'Tidak ada wilayah dengan kode $1.'],
  [/^No training module has code (.+)\.$/, 'Tidak ada modul pelatihan dengan kode $1.'],
  [/^No such designation\.$/, 'Penetapan tidak ditemukan.'],
  [/^silentDuring needs both from and to\.$/, 'silentDuring memerlukan from dan to.'],
  [/^No such task-force member\.$/, 'Anggota gugus tugas tidak ditemukan.'],
  [/^No such report\.$/, 'Laporan tidak ditemukan.'],
  [
    /^The village was moved to another area while the report was being recorded; send it again\.$/,
    'Desa ini dipindahkan ke wilayah lain saat laporan dicatat; kirim ulang laporannya.',
  ],
  [/^No such token\.$/, 'Token tidak ditemukan.'],
  // The field app's phones
  [
    /^This device reports only for the village it was enrolled for\.$/,
    'Perangkat ini hanya melapor untuk desa tempat ia didaftarkan.',
  ],
  [/^Only people enrol devices\.$/, 'Hanya pengguna yang dapat mendaftarkan perangkat.'],
  [
    /^Only a village with an ACTIVE designation reports through the field app\.$/,
    'Hanya desa dengan penetapan AKTIF yang melapor lewat aplikasi lapangan.',
  ],
  [
    /^A village has at most (\S+) enrolled phones; revoke one first\.$/,
    'Satu desa paling banyak memiliki $1 ponsel terdaftar; cabut salah satunya dulu.',
  ],
  [
    /^This enrolment code is wrong, already used or expired\. Ask your immigration office for a new one\.$/,
    'Kode pendaftaran ini salah, sudah dipakai, atau kedaluwarsa. Mintalah kode baru ke kantor imigrasi Anda.',
  ],
  [/^No such device\.$/, 'Perangkat tidak ditemukan.'],
  [/^This device is already revoked\.$/, 'Perangkat ini sudah dicabut.'],
  [
    /^Only a field-app device asks about its reports here\.$/,
    'Hanya perangkat aplikasi lapangan yang menanyakan laporannya di sini.',
  ],
  // Accounts and passwords
  [/^Change your temporary password first\.$/, 'Ganti dulu kata sandi sementara Anda.'],
  [/^A password has at least (\d+) characters\.$/, 'Kata sandi paling sedikit $1 karakter.'],
  [/^A password has at most (\d+) characters\.$/, 'Kata sandi paling banyak $1 karakter.'],
  [
    /^This password is too common or too easy to guess \(it is made of common words, names or patterns\); a longer phrase of unrelated words works well\.$/,
    'Kata sandi ini terlalu umum atau mudah ditebak (tersusun dari kata umum, nama, atau pola); frasa panjang dari kata-kata yang tidak berhubungan lebih baik.',
  ],
  [/^A Kanwil account needs its province\.$/, 'Akun Kanwil memerlukan provinsinya.'],
  [/^Only a Kanwil account has a province\.$/, 'Hanya akun Kanwil yang memiliki provinsi.'],
  [/^A Kanim account needs its office\.$/, 'Akun Kanim memerlukan kantornya.'],
  [/^Only a Kanim account has an office\.$/, 'Hanya akun Kanim yang memiliki kantor.'],
  [/^This role may not be granted personal data\.$/, 'Peran ini tidak boleh diberi akses data pribadi.'],
  [/^An account with this email already exists\.$/, 'Sudah ada akun dengan email ini.'],
  [/^An email address looks like nama@imigrasi\.go\.id\.$/, 'Alamat email berbentuk nama@imigrasi.go.id.'],
  [/^No such account\.$/, 'Akun tidak ditemukan.'],
  [/^You cannot do this to your own account\.$/, 'Anda tidak dapat melakukan ini pada akun Anda sendiri.'],
  [/^This account is already disabled\.$/, 'Akun ini sudah dinonaktifkan.'],
  [/^This account is not disabled\.$/, 'Akun ini tidak dalam keadaan nonaktif.'],
  [/^The current password is wrong\.$/, 'Kata sandi saat ini salah.'],
  [/^The new password must differ from the current one\.$/, 'Kata sandi baru harus berbeda dari yang sekarang.'],
  // Office forms: task force, training, targets
  [
    /^Your role may not enter personal data \(names, phone numbers\)\.$/,
    'Peran Anda tidak boleh mengisi data pribadi (nama, nomor telepon).',
  ],
  [
    /^This member has left the task force; their record is kept as it was\.$/,
    'Anggota ini sudah keluar dari gugus tugas; datanya disimpan seperti semula.',
  ],
  [/^This member has already left the task force\.$/, 'Anggota ini sudah keluar dari gugus tugas.'],
  [/^leftOn cannot be before the day they joined\.$/, 'Tanggal keluar tidak boleh sebelum tanggal bergabung.'],
  [
    /^Someone else changed this member meanwhile; they are shown as they are now\.$/,
    'Orang lain telah mengubah anggota ini; data terbaru ditampilkan.',
  ],
  [/^This member belongs to the task force of (.+), not (.+)\.$/, 'Anggota ini termasuk gugus tugas $1, bukan $2.'],
  [/^Targets are set at most one year ahead\.$/, 'Target hanya dapat ditetapkan paling jauh satu tahun ke depan.'],
  [/^A Timpora meeting records the topics discussed\.$/, 'Rapat Timpora mencatat topik yang dibahas.'],
  [/^Each kabupaten\/kota once\.$/, 'Setiap kabupaten/kota sekali saja.'],
  [/^Give at least one kabupaten\/kota\.$/, 'Isi paling sedikit satu kabupaten/kota.'],
  [/^(.+) is not in (.+)\.$/, '$1 tidak berada di $2.'],
  [/^(.+) has only (\S+) villages\.$/, '$1 hanya memiliki $2 desa/kelurahan.'],
  [/^At most (\S+) members per village: (\S+) for (.+)\.$/, 'Paling banyak $1 anggota per desa: $2 untuk $3.'],
  [
    /^Someone else changed the target of (.+) meanwhile; read the targets again\.$/,
    'Orang lain telah mengubah target $1; muat ulang target.',
  ],
  // Conflicts
  [/^(.+) does not cover the kabupaten\/kota of (.+)\.$/, '$1 tidak mencakup kabupaten/kota $2.'],
  [/^(.+) does not cover (.+)\.$/, '$1 tidak mencakup $2.'],
  [/^(.+) is already designated under (.+) \((.+)\)\.$/, '$1 sudah ditetapkan sebagai $2 ($3).'],
  [
    /^Only an ACTIVE designation has a task force \(this one is (\w+)\)\.$/,
    'Hanya penetapan AKTIF yang memiliki gugus tugas (penetapan ini $1).',
  ],
  [/^joinedOn is before the designation was inaugurated\.$/, 'Tanggal bergabung sebelum desa diresmikan.'],
  [/^The task force already has a current (\w+)\.$/, 'Gugus tugas sudah memiliki $1 yang aktif.'],
  [
    /^Too many failed sign-ins: this account is locked for a while\.$/,
    'Terlalu banyak gagal masuk: akun ini dikunci sementara.',
  ],
  [
    /^Too many failed sign-ins: wait before trying again\.$/,
    'Terlalu banyak gagal masuk: tunggu sebelum mencoba lagi.',
  ],
  [
    /^The bearer token is not valid \(unknown, expired or revoked\)\.$/,
    'Token bearer tidak berlaku (tidak dikenal, kedaluwarsa, atau dicabut).',
  ],
  [/^At most (\S+) ids at a time\.$/, 'Paling banyak $1 ID sekaligus.'],
  [
    /^Text must not contain NUL characters or unpaired surrogates\.$/,
    'Teks tidak boleh berisi karakter NUL atau surrogate yang tidak berpasangan.',
  ],
  [/^Not a valid ID\.$/, 'Bukan ID yang sah.'],
  [/^Database unavailable; try again shortly\.$/, 'Basis data tidak tersedia; coba lagi sebentar lagi.'],
  [
    /^A task force keeps at most (\S+) members on record, past members included\.$/,
    'Satu gugus tugas mencatat paling banyak $1 anggota, termasuk anggota yang sudah keluar.',
  ],
  [/^This member's village is outside (.+)'s working area\.$/, 'Desa anggota ini di luar wilayah kerja $1.'],
  [
    /^This member was not in the task force on heldOn\.$/,
    'Anggota ini belum/tidak lagi di gugus tugas pada tanggal pelatihan.',
  ],
  [
    /^You already used clientReference (.+) with (.+) for a different report\.$/,
    'Anda sudah memakai clientReference $1 dengan $2 untuk laporan lain.',
  ],
  [
    /^Someone else changed this designation meanwhile; it is shown as it is now\.$/,
    'Penetapan ini sudah diubah orang lain; yang tampil adalah keadaannya sekarang.',
  ],
  [
    /^Someone else changed this designation meanwhile: it is (\w+), not (\w+)\.$/,
    'Penetapan ini sudah diubah orang lain: statusnya kini $1, bukan $2.',
  ],
  [/^The decree date cannot be in the future\.$/, 'Tanggal SK tidak boleh di masa depan.'],
  [/^The decree file is larger than (\S+) MB\.$/, 'Berkas SK lebih besar dari $1 MB.'],
  [/^The decree file must be a PDF\.$/, 'Berkas SK harus berupa PDF.'],
  [/^Choose the decree file \(PDF\)\.$/, 'Pilih berkas SK (PDF).'],
  [/^No decree has been uploaded for this designation\.$/, 'Belum ada SK yang diunggah untuk penetapan ini.'],
  [/^The stored decree does not match its checksum\.$/, 'SK yang tersimpan tidak cocok dengan checksum-nya.'],
  [/^The decree date is before the programme began\.$/, 'Tanggal SK sebelum program dimulai.'],
  [/^A name has letters, spaces and \. , ' - only\.$/, "Nama hanya berisi huruf, spasi, dan . , ' -."],
  [
    /^Someone else changed this report meanwhile; it is shown as it is now\.$/,
    'Laporan ini sudah diubah orang lain; yang tampil adalah keadaannya sekarang.',
  ],
  [
    /^Someone else changed this report meanwhile: it is (\w+), not (\w+)\.$/,
    'Laporan ini sudah diubah orang lain: statusnya kini $1, bukan $2.',
  ],
  [/^A rejection needs its reason\.$/, 'Penolakan harus disertai alasannya.'],
  [/^A follow-up needs the action taken\.$/, 'Tindak lanjut harus menyebut tindakan yang diambil.'],
  [
    /^Only a follow-up records the action taken and the agencies\.$/,
    'Tindakan dan instansi hanya dicatat pada tindak lanjut.',
  ],
  [
    /^A (.+) report cannot become (.+) \(allowed: (.+)\)\.$/,
    'Laporan berstatus $1 tidak dapat menjadi $2 (yang boleh: $3).',
  ],
  [/^A (.+) report cannot become (.+)\.$/, 'Laporan berstatus $1 tidak dapat menjadi $2 (status akhir).'],
  [/^The token is already revoked\.$/, 'Token sudah dicabut.'],
  [
    /^An? (.+) signal cannot become (.+) \(allowed: (.+)\)\.$/,
    'Sinyal berstatus $1 tidak dapat menjadi $2 (yang boleh: $3).',
  ],
  [/^An? (.+) signal cannot become (.+)\.$/, 'Sinyal berstatus $1 tidak dapat menjadi $2 (status akhir).'],
  [/^No such signal\.$/, 'Sinyal tidak ditemukan.'],
  [
    /^Say why in a note when you escalate or dismiss a signal\.$/,
    'Tulis alasannya di catatan saat meneruskan atau menutup sinyal.',
  ],
  [
    /^This signal was reviewed since you saw it \(now (\S+)\)\.$/,
    'Sinyal ini sudah ditinjau orang lain sejak Anda membukanya (kini $1).',
  ],
  [/^This signal was reviewed since you saw it\.$/, 'Sinyal ini sudah ditinjau orang lain sejak Anda membukanya.'],
  [/^No such designation\.$/, 'Penetapan tidak ditemukan.'],
  [/^silentDuring needs both from and to\.$/, 'silentDuring memerlukan from dan to.'],
  [
    /^A (.+) designation cannot become (.+) \(allowed: (.+)\)\.$/,
    'Penetapan berstatus $1 tidak dapat menjadi $2 (yang boleh: $3).',
  ],
  [/^A (.+) designation cannot become (.+)\.$/, 'Penetapan berstatus $1 tidak dapat menjadi $2 (status akhir).'],
  [
    /^A reason is required to suspend or end a designation\.$/,
    'Alasan wajib diisi untuk menangguhkan atau mengakhiri penetapan.',
  ],
  [
    /^The date cannot be after today where the village is \((.+), (.+)\)\.$/,
    'Tanggal tidak boleh melewati hari ini di desa tersebut ($1, $2).',
  ],
  [
    /^effectiveOn cannot be before the latest change \((.+)\)\.$/,
    'effectiveOn tidak boleh sebelum perubahan terakhir ($1).',
  ],
  [
    /^A designation keeps at most (\S+) status changes\.$/,
    'Satu penetapan menyimpan paling banyak $1 perubahan status.',
  ],
  // Validation
  [/^A province code has two digits, e\.g\. 53\.$/, 'Kode provinsi terdiri dari dua angka, mis. 53.'],
  [/^A kabupaten\/kota code looks like 53\.18\.$/, 'Kode kabupaten/kota berbentuk 53.18.'],
  [/^A kecamatan code looks like 53\.18\.01\.$/, 'Kode kecamatan berbentuk 53.18.01.'],
  [/^A village code looks like 63\.02\.15\.2002\.$/, 'Kode desa/kelurahan berbentuk 63.02.15.2002.'],
  [
    /^A phone number looks like 081234567890 or \+6281234567890\.$/,
    'Nomor telepon berbentuk 081234567890 atau +6281234567890.',
  ],
  [/^A name has at least 2 characters\.$/, 'Nama minimal 2 karakter.'],
  [/^A name has at most 120 characters\.$/, 'Nama maksimal 120 karakter.'],
  [/^A name has letters, spaces and \. , ' - only\.$/, "Nama hanya boleh berisi huruf, spasi, dan . , ' -"],
  [/^A source is 2-80 lowercase letters, digits and : \. _ -$/, 'Sumber berisi 2-80 huruf kecil, angka, dan : . _ -'],
  [
    /^A clientReference is 1-128 letters, digits and : \. _ \/ -$/,
    'clientReference berisi 1-128 huruf, angka, dan : . _ / -',
  ],
  [/^A module code looks like PASSPORT_MPASPOR\.$/, 'Kode modul berbentuk PASSPORT_MPASPOR.'],
  [/^A session teaches at least one module\.$/, 'Sesi mengajarkan minimal satu modul.'],
  [/^Each module once\.$/, 'Setiap modul hanya sekali.'],
  [/^At most (.+) attendance rows per session\.$/, 'Paling banyak $1 baris kehadiran per sesi.'],
  [
    /^At most (.+) results per page; use the cursor for more\.$/,
    'Paling banyak $1 hasil per halaman; gunakan kursor untuk selanjutnya.',
  ],
  [/^`from` must not be after `to`\.$/, '`from` tidak boleh setelah `to`.'],
  [/^A new designation is PLANNED or ACTIVE\.$/, 'Penetapan baru berstatus PLANNED atau ACTIVE.'],
  [
    /^An ACTIVE designation needs its inauguration date\.$/,
    'Penetapan yang sudah diresmikan perlu tanggal peresmiannya.',
  ],
  [
    /^A PLANNED designation has no inauguration date yet\.$/,
    'Penetapan yang masih direncanakan belum punya tanggal peresmian.',
  ],
  [/^The inauguration date cannot be in the future\.$/, 'Tanggal peresmian tidak boleh di masa depan.'],
  [/^The inauguration date must fall in the programme year\.$/, 'Tanggal peresmian harus pada tahun program.'],
  [/^joinedOn cannot be in the future\.$/, 'joinedOn tidak boleh di masa depan.'],
  [/^heldOn must be between (.+) and today\.$/, 'heldOn harus antara tahun $1 dan hari ini.'],
  [
    /^Every attendance row names one of moduleCodes\.$/,
    'Setiap baris kehadiran harus menyebut salah satu moduleCodes.',
  ],
  [
    /^A member who did not attend cannot have completed the module\.$/,
    'Anggota yang tidak hadir tidak dapat menuntaskan modul.',
  ],
  [/^Each member and module at most once\.$/, 'Setiap pasangan anggota dan modul paling banyak sekali.'],
  [/^Give either villageCode or regencyCode\.$/, 'Isi villageCode atau regencyCode, salah satu saja.'],
  [/^The date it happened must be between 2000 and today\.$/, 'Tanggal kejadian harus antara tahun 2000 dan hari ini.'],
];

const zodIndonesian = z.locales.id();

/** The message in the caller's language; an unknown message stays in English. */
export function localize(message: string, locale: Locale): string {
  if (locale === 'en') return message;
  for (const [pattern, translation] of indonesian)
    if (pattern.test(message)) return message.replace(pattern, translation);
  return message;
}

/** A validation issue in the caller's language: our own messages by table, zod's by its locale. */
export function localizeIssue(
  issue: { message: string; code?: string } & Record<string, unknown>,
  locale: Locale,
): string {
  if (locale === 'en') return issue.message;
  const ours = localize(issue.message, locale);
  if (ours !== issue.message || !issue.code) return ours;
  const translated = zodIndonesian.localeError(issue as never);
  return typeof translated === 'string' ? translated : (translated?.message ?? issue.message);
}
