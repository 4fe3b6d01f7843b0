package bot

// Texts the bot says in more than one place; everything a person reads is
// Bahasa Indonesia, kind and short.
const (
	msgInternal   = "Maaf, terjadi kesalahan di pihak kami. Silakan coba lagi sebentar lagi; bila berulang, hubungi BKPSDM."
	msgBusy       = "Maaf, layanan sedang sibuk. Silakan coba lagi dalam beberapa saat."
	msgSlowDown   = "Pesan Anda terlalu cepat berturut-turut. Mohon tunggu sebentar, lalu kirim lagi."
	msgStale      = "Tombol ini sudah tidak berlaku. Silakan ulangi perintahnya."
	msgNotText    = "Maaf, saya hanya membaca pesan teks. Kirim /bantuan untuk melihat perintah."
	msgUnknownCmd = "Perintah itu tidak saya kenal. Kirim /bantuan untuk melihat perintah yang tersedia."
	msgInactive   = "Akun Anda sudah dinonaktifkan. Hubungi BKPSDM bila ini keliru."
	msgRegister   = "Selamat datang di layanan mutasi ASN.\n\n" +
		"Anda belum terdaftar. Minta <b>kode undangan</b> kepada BKPSDM, lalu buka tautan undangannya " +
		"atau kirim <code>/start KODE</code> di sini."
	msgBadCode = "Kode undangan itu tidak dikenal, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada BKPSDM."
)
