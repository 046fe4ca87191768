export default {
  plugins: [{ name: 'log', configureServer() { console.log('dev server'); } }],
};
