// The analytics leadership and analysts read, one file per figure. Every figure comes with its numerator
// and denominator (Ratio), and every result says when it was computed. The SQL lives in src/analytics/.
import './coverage.js';
import './report-stats.js';
import './completeness.js';
import './training.js';
import './overview.js';
import './forecast.js';
