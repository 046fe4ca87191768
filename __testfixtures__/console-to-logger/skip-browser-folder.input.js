document.querySelector('#go').addEventListener('click', () => {
  console.log('clicked');
});
