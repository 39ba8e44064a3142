(function () {
  try {
    var stored = localStorage.getItem('bgg-theme');
    var theme = stored === 'light' || stored === 'dark' ? stored : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.themeChoice = stored === 'light' || stored === 'dark' ? stored : 'auto';
  } catch (e) {
    document.documentElement.dataset.theme = 'light';
  }
})();
